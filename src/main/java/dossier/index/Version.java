package dossier.index;

/** The Dossier version, from the jar manifest when built, else "dev". */
public final class Version {
    private Version() {}

    public static final String DOSSIER = java.util.Objects.requireNonNullElse(
            Version.class.getPackage().getImplementationVersion(), "dev");
}
