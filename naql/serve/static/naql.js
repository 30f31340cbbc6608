// Article page: pointing at an attribution (hover or keyboard focus) shows its chain in the
// side panel and lights up its marks; a click pins it. Without script the page still shows
// every mark and, under the text, every attribution with its chain.
"use strict";

(function () {
  const text = document.getElementById("text");
  const view = document.getElementById("chain-view");
  if (!text || !view) return;
  const hint = document.getElementById("chain-hint");
  let pinned = null;

  function show(id) {
    document.querySelectorAll(".on").forEach((el) => el.classList.remove("on"));
    view.replaceChildren();
    hint.hidden = Boolean(id);
    if (!id) return;
    document.querySelectorAll(`[data-a="${CSS.escape(id)}"]`)
      .forEach((el) => el.classList.add("on"));
    const figure = document.getElementById("chain-" + id);
    if (figure) {
      const copy = figure.cloneNode(true);
      copy.removeAttribute("id");
      view.append(copy);
    }
  }

  function pin(id) {
    pinned = id;
    show(id);
  }

  const attributionAt = (event, selector) => {
    const el = event.target.closest(selector);
    return el ? el.dataset.a : null;
  };

  text.addEventListener("mouseover", (e) => {
    const id = attributionAt(e, "mark[data-a]");
    if (id) show(id);
  });
  text.addEventListener("mouseleave", () => show(pinned));
  text.addEventListener("focusin", (e) => show(attributionAt(e, "mark[data-a]") || pinned));
  text.addEventListener("click", (e) => pin(attributionAt(e, "mark[data-a]")));
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      pin(attributionAt(e, "mark[data-a]"));
    }
  });
  document.querySelector(".attributions").addEventListener("click", (e) => {
    if (e.target.closest("a")) return; // a link to a source page
    const id = attributionAt(e, "li[data-a]");
    if (id) pin(id);
  });

  // Arriving from a source page at /articles/ID#a3: pin a3 and bring its text into view.
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && document.getElementById("chain-" + wanted)) {
    pin(wanted);
    const mark = text.querySelector(`mark[data-a="${CSS.escape(wanted)}"]`);
    if (mark) mark.scrollIntoView({ block: "center" });
  }
})();
