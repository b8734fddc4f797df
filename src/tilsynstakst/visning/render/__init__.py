"""Visninger af et beregnet resultat. Her regnes intet; der vælges kun form."""
