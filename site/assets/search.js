// Starts Pagefind's search UI on the search page; reading the site needs no JavaScript.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (window.location.protocol === "file:") {
    // Pagefind reads its index with fetch(), which browsers refuse for files opened from disk.
    element.textContent = "Search needs the site served over HTTP: in the site folder run " +
      "`python3 -m http.server 8000` and open http://localhost:8000/search.html. " +
      "Every page is also reachable from the timeline and the indexes.";
    return;
  }
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
