/** (issue 14: being written) */
export default function History() {
  return null;
}
