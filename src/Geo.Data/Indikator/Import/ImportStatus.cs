namespace Geo.Data.Indikator.Import;

public static class ImportStatus
{
    public const string Diimpor = "diimpor";
    public const string SudahAda = "sudah_ada";
    public const string Ditolak = "ditolak";
}
