namespace Geo.Data.Indikator;

public sealed record ImportBatch(
    long Id, string Berkas, string Hash, string Sumber, string Pengguna, DateTime Diimpor, string Status,
    DateTime? Diterbitkan, DateTime? Ditarik, string? DitarikOleh, int JumlahNilai, int JumlahTarget, int JumlahDiganti, bool Sintetis);
