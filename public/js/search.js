// Progressive enhancement on the search page: applying a facet checkbox submits the form at once.
// (The add buttons of the results are enhanced by selection.js.)
// Without JavaScript the "Apply filters" button does the same. After the reload, the keyboard focus goes back
// to the checkbox that was changed, so keyboard and screen-reader users go on where they were.
(function () {
  var form = document.getElementById('search-form');
  if (!form) return;
  var KEY = 'search-facet-focus';

  function checkbox(name, value) {
    for (var i = 0; i < form.elements.length; i += 1) {
      var el = form.elements[i];
      if (el.type === 'checkbox' && el.name === name && el.value === value) return el;
    }
    return null;
  }

  // On a wide screen the filters stand open beside the results: the stylesheet does it where ::details-content
  // is supported, this line elsewhere. On a phone they stay behind "Filters (n)".
  var filters = document.getElementById('filters');
  var wide = window.matchMedia && window.matchMedia('(min-width: 48.01rem)').matches;
  var styled = window.CSS && CSS.supports && CSS.supports('selector(::details-content)');
  if (filters && wide && !styled) filters.open = true;

  try {
    var saved = window.sessionStorage.getItem(KEY);
    window.sessionStorage.removeItem(KEY);
    if (saved) {
      var wanted = JSON.parse(saved);
      var again = checkbox(wanted.name, wanted.value);
      if (again) {
        // After filtering on a phone the disclosure is closed again: open it so the checkbox can take the focus.
        if (filters && filters.contains(again)) filters.open = true;
        again.focus();
      }
    }
  } catch {
    // Storage may be unavailable (privacy settings); the filter still works.
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (!target || target.type !== 'checkbox' || target.form !== form) return;
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify({ name: target.name, value: target.value }));
    } catch {
      // See above.
    }
    var page = form.elements.namedItem('page');
    if (page && page.parentNode) page.parentNode.removeChild(page);
    form.submit();
  });
})();
