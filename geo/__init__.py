"""Atlante's text side: gazetteer, text -> places, figures and dates."""
