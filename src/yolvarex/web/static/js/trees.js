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
