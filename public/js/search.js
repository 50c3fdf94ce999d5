// Progressive enhancement on the search page: applying a facet checkbox submits the form at once.
// Without JavaScript the "Apply filters" button does the same.
(function () {
  var form = document.querySelector('.search-form');
  if (!form) return;
  form.addEventListener('change', function (event) {
    if (event.target && event.target.type === 'checkbox') {
      var page = form.querySelector('input[name="page"]');
      if (page) page.remove();
      form.submit();
    }
  });
})();
