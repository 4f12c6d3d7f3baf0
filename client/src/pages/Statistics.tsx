/** (issue 14: being written) */
export default function Statistics() {
  return null;
}
