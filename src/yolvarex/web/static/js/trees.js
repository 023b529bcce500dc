// Tree diagrams are wider than a phone: scroll each one so its first question is in view.
// Progressive enhancement only; without it the diagram simply starts at its left edge.
(function () {
  function centre(scope) {
    for (const frame of scope.querySelectorAll(".tree-frame")) {
      const root = frame.querySelector(".tree-node.root");
      if (!root || frame.scrollWidth <= frame.clientWidth) continue;
      const box = root.getBoundingClientRect();
      const view = frame.getBoundingClientRect();
      frame.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
    }
  }
  document.addEventListener("DOMContentLoaded", () => centre(document));
  document.addEventListener("htmx:afterSwap", (event) => centre(event.target));
})();

// The tree editor: "Insert" buttons put a fact name or an evidence id at the cursor, and a
// "Line N" link in the checked errors selects that line of the YAML.
(function () {
  function source() { return document.getElementById("source"); }
  document.addEventListener("click", (event) => {
    const insert = event.target.closest("[data-insert]");
    const line = event.target.closest("[data-line]");
    const area = source();
    if (!area || (!insert && !line)) return;
    event.preventDefault();
    if (insert) {
      const text = insert.dataset.insert;
      const start = area.selectionStart, end = area.selectionEnd;
      area.setRangeText(text, start, end, "end");
      area.focus();
      area.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    const wanted = Number(line.dataset.line);
    const lines = area.value.split("\n");
    let at = 0;
    for (let i = 0; i < wanted - 1 && i < lines.length; i++) at += lines[i].length + 1;
    area.focus();
    area.setSelectionRange(at, at + (lines[wanted - 1] || "").length);
  });
})();
