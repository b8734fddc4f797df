"""Udenverdenen: Danmarks Statistik (FOLK1A og kommunernes koder)."""
