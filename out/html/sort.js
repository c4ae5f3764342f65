// Sorts a table.sortable by the column whose header button is pressed (cells may carry data-sort).
document.querySelectorAll("table.sortable th button").forEach((button) => button.addEventListener("click", () => {
  const th = button.closest("th"), table = th.closest("table"), rows = [...table.tBodies[0].rows];
  const ascending = th.getAttribute("aria-sort") !== "ascending";
  table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const key = (row) => row.cells[th.cellIndex].dataset.sort ?? row.cells[th.cellIndex].textContent.trim();
  rows.sort((a, b) => key(a).localeCompare(key(b), undefined, {numeric: true}) * (ascending ? 1 : -1));
  table.tBodies[0].append(...rows);
}));
