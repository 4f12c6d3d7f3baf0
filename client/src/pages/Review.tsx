/** (issue 14: being written) */
export default function Review() {
  return null;
}
