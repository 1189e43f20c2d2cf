"""Atlante's map side: GeoDataFrames, folium layers, the map and exports."""
