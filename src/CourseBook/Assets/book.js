// Renders the formulas Markdig marked (class "math") with KaTeX and highlights the code cells with highlight.js.
// A formula KaTeX cannot parse is reported on the console (the browser tests fail on console errors).
(function () {
  "use strict";
  document.querySelectorAll(".math").forEach(function (el) {
    var tex = el.textContent.trim();
    var display = el.tagName === "DIV";
    if (tex.startsWith("\\(") && tex.endsWith("\\)")) tex = tex.slice(2, -2);
    else if (tex.startsWith("\\[") && tex.endsWith("\\]")) { tex = tex.slice(2, -2); display = true; }
    try {
      katex.render(tex, el, { displayMode: display, throwOnError: true, strict: "ignore" });
      el.classList.add("math-rendered");
    } catch (e) {
      el.classList.add("math-error");
      console.error("Formula could not be rendered: " + tex + " (" + e.message + ")");
    }
  });
  document.querySelectorAll("pre.source code").forEach(function (el) { hljs.highlightElement(el); });
  // Tables in prose and outputs scroll sideways instead of widening the page.
  document.querySelectorAll("main table").forEach(function (table) {
    var parent = table.parentElement;
    if (parent.classList.contains("table-scroll")) return;
    var wrap = document.createElement("div");
    wrap.className = "table-scroll";
    parent.insertBefore(wrap, table);
    wrap.appendChild(table);
  });
})();
