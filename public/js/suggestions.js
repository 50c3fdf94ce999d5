// Progressive enhancement on the question form: while the buyer types, suggest matching clauses and FAQ
// answers. Without JavaScript the form works the same, without suggestions.
(function () {
  var form = document.getElementById('ask-form');
  var box = document.querySelector('.suggestions');
  if (!form || !box || !window.fetch) return;
  var field = form.querySelector('textarea[name="question"]');
  var list = box.querySelector('.suggestions__list');
  var timer;
  var last = '';

  function item(entry, badge) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = entry.url;
    a.textContent = entry.title;
    li.appendChild(a);
    var tag = document.createElement(badge ? 'span' : 'code');
    tag.className = badge ? 'badge' : '';
    tag.textContent = badge || entry.id;
    li.appendChild(document.createTextNode(' '));
    li.appendChild(tag);
    return li;
  }

  function render(data) {
    list.textContent = '';
    var entries = data.faqs.length + data.clauses.length;
    if (entries === 0) {
      var p = document.createElement('p');
      p.className = 'muted';
      p.textContent = box.getAttribute('data-empty');
      list.appendChild(p);
      return;
    }
    var ul = document.createElement('ul');
    data.faqs.forEach(function (f) {
      ul.appendChild(item(f, 'FAQ'));
    });
    data.clauses.forEach(function (c) {
      ul.appendChild(item(c));
    });
    list.appendChild(ul);
  }

  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = field.value.trim();
      if (q.length < 3 || q === last) return;
      last = q;
      var url =
        box.getAttribute('data-suggest-url') +
        '?lang=' +
        encodeURIComponent(box.getAttribute('data-lang')) +
        '&q=' +
        encodeURIComponent(q.slice(0, 500));
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (r) {
          return r.ok ? r.json() : { clauses: [], faqs: [] };
        })
        .then(render)
        .catch(function () {});
    }, 300);
  });
})();
