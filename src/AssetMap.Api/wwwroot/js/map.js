// Progressive enhancement: draws the results list (#results, its data-lat/data-lon/data-name/data-href) as clustered
// markers on #map, and the PCN area's boundary when #map names one. The list stays the text alternative. Tiles come
// from the configured URL; when they cannot load, markers and boundaries still show on the plain background.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') { return; }
  element.hidden = false;

  L.Icon.Default.imagePath = '/lib/leaflet/images/';
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);

  var markers = L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false }) : L.featureGroup();
  var items = document.querySelectorAll('#results [data-lat]');
  items.forEach(function (item) {
    var lat = parseFloat(item.dataset.lat), lon = parseFloat(item.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) { return; }
    var marker = L.marker([lat, lon], { title: item.dataset.name, alt: item.dataset.name });
    var link = document.createElement('a');
    link.className = 'govuk-link';
    link.href = item.dataset.href;
    link.textContent = item.dataset.name;
    var popup = document.createElement('div');
    popup.appendChild(link);
    if (item.dataset.approximate) {
      var note = document.createElement('p');
      note.className = 'govuk-body-s';
      note.textContent = 'Approximate area: a home-based service.';
      popup.appendChild(note);
    }
    marker.bindPopup(popup);
    markers.addLayer(marker);
  });
  map.addLayer(markers);
  // For people and tests alike: how many entries the map shows.
  element.dataset.markers = String(markers.getLayers().length);

  var bounds = markers.getLayers().length > 0 ? markers.getBounds() : null;
  var fit = function (b) {
    if (b && b.isValid()) { map.fitBounds(b, { padding: [20, 20], maxZoom: 15 }); }
    else { map.setView([51.49, 0.35], 11); } // Thurrock
  };
  fit(bounds);

  if (element.dataset.boundary) {
    fetch(element.dataset.boundary, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (area) {
        if (!area || !area.boundary) { return; }
        var layer = L.geoJSON(area.boundary, { style: { color: '#1d70b8', weight: 2, fillOpacity: 0.05 }, interactive: false });
        layer.addTo(map);
        element.dataset.boundaryDrawn = 'true';
        var all = layer.getBounds();
        if (bounds) { all.extend(bounds); }
        fit(all);
      })
      .catch(function () { /* the list and markers are enough */ });
  }
}());
