namespace Geo.Data.Indikator.Import;

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
