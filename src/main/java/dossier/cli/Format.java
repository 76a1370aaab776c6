package dossier.cli;

/** Output formats of the commands. */
enum Format { text, json, raw }
