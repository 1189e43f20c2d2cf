"""Atlante's map side: GeoDataFrames, folium layers, the map and exports."""

from geo.cache import cache_templates

cache_templates()  # before folium and branca compile their templates: read them from the cache
