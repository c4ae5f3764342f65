"""Persons and places the register names: matching, initials, namesakes, bare family and first names."""
