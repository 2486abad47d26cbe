namespace Geo.Data.Indikator;

/// <param name="Wilayah">The smallest area holding all the batch's values; null: national.</param>
/// <param name="Alasan">Why it was rejected.</param>
public sealed record ImportBatch(
    long Id, string Berkas, string Hash, string Sumber, string Pengguna, DateTime Diimpor, string Status,
    DateTime? Diterbitkan, DateTime? Ditarik, string? DitarikOleh, int JumlahNilai, int JumlahTarget, int JumlahDiganti, bool Sintetis,
    string? Wilayah, string? Alasan);
