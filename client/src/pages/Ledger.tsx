/** (issue 14: being written) */
export default function Ledger() {
  return null;
}
