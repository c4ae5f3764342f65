// A document page: #reading, #diplomatic and #witnesses open their view (a link into a view opens it too),
// and choosing a view puts its name in the address so that a reload keeps it; previous and next in date
// order and the collection from site.js; the address and date of access in the citation.
(() => {
  const views = [...document.querySelectorAll("input.switch")];
  const open = () => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const view = target && target.closest("section.view");
    const radio = view && document.getElementById(`show-${view.id}`);
    if (!radio) return;
    radio.checked = true;
    if (target === view) view.scrollIntoView();
    else target.scrollIntoView({block: "center"});
  };
  views.forEach((radio) => radio.addEventListener("change", () => history.replaceState(null, "", `#${radio.value}`)));
  window.addEventListener("hashchange", open);
  open();

  const here = decodeURIComponent(location.pathname.split("/").pop());
  const site = window.teiEncodeSite, list = document.querySelector("nav.sequence ul");
  if (site && list) {
    const at = site.order.findIndex(([href]) => href === here);
    const link = (cls, label, entry) => {
      const li = document.createElement("li"), a = document.createElement("a");
      li.className = cls;
      a.href = entry[0];
      if (cls !== "collection") a.rel = cls;
      a.append(`${label} `, Object.assign(document.createElement("span"), {className: "nav-title", textContent: entry[1]}));
      li.append(a);
      return li;
    };
    const all = list.querySelector("li.all");
    if (at > 0) list.insertBefore(link("prev", "Previous:", site.order[at - 1]), all);
    if (at >= 0 && at + 1 < site.order.length) list.insertBefore(link("next", "Next:", site.order[at + 1]), all);
    if (site.collections[here]) list.insertBefore(link("collection", "In the collection", site.collections[here]), all);
  }
  const url = document.querySelector(".cite-url"), accessed = document.querySelector(".cite-accessed");
  if (url && /^https?:/.test(location.protocol)) url.textContent = location.href.split("#")[0];
  if (accessed) accessed.textContent = new Date().toISOString().slice(0, 10);
})();
