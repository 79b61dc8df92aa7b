// Starts Pagefind's search UI on the search page; reading the site needs no JavaScript.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (typeof PagefindUI === "undefined") {
    // The index is built next to the pages by `briefing build` and must be served over HTTP.
    element.textContent = "The search index is not available here. Serve the site over HTTP, " +
      "as built by `briefing build` with Pagefind installed.";
    return;
  }
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
  // Label the input Pagefind creates with the page's visible label.
  var input = document.querySelector("#search input");
  if (input) input.setAttribute("aria-labelledby", "search-label");
});
