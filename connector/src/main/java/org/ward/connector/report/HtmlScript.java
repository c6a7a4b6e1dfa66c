package org.ward.connector.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's one inline script: sorting by any column, filters, and opening every finding for printing. It only
 * enhances the table, so the page reads the same without it. The page's Content-Security-Policy allows this script
 * by its hash and nothing else, so a value that slipped through escaping still could not run.
 */
final class HtmlScript {

    static final String JS = """
            (function () {
              'use strict';
              var table = document.getElementById('findings');
              var form = document.getElementById('filters');
              if (!table || !form) { return; }
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var shown = document.getElementById('shown');
              var controls = Array.prototype.slice.call(form.querySelectorAll('[data-filter]'));
              form.hidden = false;
              function apply() {
                var want = {};
                controls.forEach(function (c) { want[c.getAttribute('data-filter')] = c.value.trim().toLowerCase(); });
                var n = 0;
                rows.forEach(function (row) {
                  var ok = ['type', 'severity', 'status', 'site'].every(function (f) {
                    return !want[f] || (row.getAttribute('data-' + f) || '').toLowerCase() === want[f];
                  });
                  if (ok && want.text) { ok = row.textContent.toLowerCase().indexOf(want.text) >= 0; }
                  row.hidden = !ok;
                  if (ok) { n++; }
                });
                shown.textContent = 'Showing ' + n + ' of ' + rows.length + ' findings';
              }
              function key(row, col) {
                var cell = row.cells[col];
                var k = cell.getAttribute('data-key');
                return k !== null ? k : cell.textContent.trim().toLowerCase();
              }
              var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
              heads.forEach(function (th, col) {
                var button = document.createElement('button');
                button.type = 'button';
                button.textContent = th.textContent;
                button.title = 'Sort by ' + th.textContent;
                th.textContent = '';
                th.appendChild(button);
                button.addEventListener('click', function () {
                  var ascending = th.getAttribute('aria-sort') !== 'ascending';
                  heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
                  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                  rows.sort(function (a, b) {
                    var c = key(a, col).localeCompare(key(b, col), undefined, { numeric: true });
                    return ascending ? c : -c;
                  });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
              form.addEventListener('input', apply);
              form.addEventListener('change', apply);
              form.addEventListener('submit', function (e) { e.preventDefault(); });
              var opened = [];
              window.addEventListener('beforeprint', function () {
                opened = Array.prototype.filter.call(document.querySelectorAll('details:not([open])'), function (d) {
                  d.open = true;
                  return true;
                });
              });
              window.addEventListener('afterprint', function () {
                opened.forEach(function (d) { d.open = false; });
                opened = [];
              });
              apply();
            })();
            """;

    private HtmlScript() {
    }

    /** The CSP source that allows exactly {@link #JS}: "'sha256-…'". */
    static String hashSource() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JS.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
