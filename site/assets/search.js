// Starts Pagefind's search UI on the search page; reading the site needs no JavaScript.
window.addEventListener("DOMContentLoaded", function () {
  if (typeof PagefindUI === "undefined") return;
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
  // Label the input Pagefind creates with the page's visible label.
  var input = document.querySelector("#search input");
  if (input) input.setAttribute("aria-labelledby", "search-label");
});
