namespace Geo.Data.Indikator.Import;

public sealed record IndikatorImportOptions(
    string? Indikator = null,
    string? Periode = null,
    string? Sumber = null,
    string? Wilayah = null,
    string Pengguna = "anonim",
    bool Terbitkan = false)
{
    /// <summary>The options that change what a file means; with the file's hash, the identity of an import.</summary>
    public string Parameter => $"indikator={Indikator?.ToUpperInvariant()};periode={Periode?.ToUpperInvariant()};sumber={Sumber};wilayah={Wilayah}";
}

/// <summary>Why a row (or a column, or the whole file) was refused: file, row as numbered in the file, column, reason.</summary>
public sealed record ImportRejection(string Berkas, int Baris, string? Kolom, string Alasan);

/// <summary>A row whose wilayah was found by other than an exact name or code.</summary>
public sealed record WilayahMatch(int Baris, string NamaBerkas, string Kode, string NamaWilayah, string Cara, int Jarak);

/// <summary>The TOTAL row of a column against what its rows give.</summary>
public sealed record TotalCheck(int Baris, string Kolom, double Total, double? Dihitung, string Cara, bool Sesuai);

public static class ImportStatus
{
    public const string Diimpor = "diimpor";
    public const string SudahAda = "sudah_ada";
    public const string Ditolak = "ditolak";
}

public sealed record IndikatorImportReport
{
    public required string Berkas { get; init; }
    public required string Hash { get; init; }
    public required string Status { get; init; }
    public long? Batch { get; init; }
    public string? Format { get; init; }
    public int BarisData { get; init; }
    public int Cocok { get; init; }
    public int NilaiDitulis { get; init; }
    public int TargetDitulis { get; init; }
    public int NilaiDiganti { get; init; }
    public int SelKosong { get; init; }
    public IReadOnlyList<ImportRejection> Penolakan { get; init; } = [];
    public IReadOnlyList<WilayahMatch> TidakPersis { get; init; } = [];
    public IReadOnlyList<TotalCheck> Total { get; init; } = [];
    public IReadOnlyList<string> Kelompok { get; init; } = [];
    public IReadOnlyList<string> Catatan { get; init; } = [];
    public bool Berhasil => Status != ImportStatus.Ditolak;
}
