"""Maps (issue 13 points 2 and 5): the choropleth drawn with QPainter — one function for the screen, PNG, SVG and
PDF (:mod:`.render`) and the window's map view (:mod:`.widget`). The data come from
:func:`bildungsplaner.services.maps.map_data`; this room imports no other room."""
