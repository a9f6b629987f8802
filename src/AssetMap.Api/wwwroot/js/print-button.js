// "Print statement": shown only with JavaScript (am-js-only); without it the browser's own Print gives the same page.
(function () {
  'use strict';
  var button = document.getElementById('print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
}());
