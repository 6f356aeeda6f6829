// Saves self-audit answers as they are given (stub).
