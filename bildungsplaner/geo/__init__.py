"""Boundaries: reading boundary files, their coordinate reference systems, region keys and geometry checks.

Qt-free, in the work layer beside ``importing/`` and ``planning/``; imports only the store's pure helpers and
``importing.regionkeys``. No GDAL: GeoJSON through :mod:`json`, Shapefiles through pyshp, GeoPackages through
:mod:`sqlite3`; geometry through shapely, coordinate reference systems through pyproj (from the full WKT, never
from a guessed EPSG code). Every geometry leaves this package in EPSG:25832 (ETRS89 / UTM 32N).

* :mod:`.readers` — files → features (properties, shapely geometry, source CRS);
* :mod:`.crs` — which CRS a file is in and the transformation to EPSG:25832, with the Germany check;
* :mod:`.keys` — which property is the region key, keys as text;
* :mod:`.geometry` — repair, coverage check and the simplified version for drawing.
"""
