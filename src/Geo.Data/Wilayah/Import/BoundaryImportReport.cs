using System.Text.Json.Serialization;

namespace Geo.Data.Wilayah.Import;

public sealed record RejectedFeature(
    [property: JsonPropertyName("berkas")] string File,
    [property: JsonPropertyName("fitur")] int Feature,
    [property: JsonPropertyName("kode")] string? Kode,
    [property: JsonPropertyName("alasan")] string Reason);

public sealed record RepairedFeature(
    [property: JsonPropertyName("kode")] string Kode,
    [property: JsonPropertyName("masalah")] string Problem);

public sealed record DerivedLevel(
    [property: JsonPropertyName("tingkat")] string Tingkat,
    [property: JsonPropertyName("kode")] IReadOnlyList<string> Kode);

/// <summary>What a boundary import did. When <see cref="Rejected"/> is not empty nothing was written.</summary>
public sealed record BoundaryImportReport
{
    [JsonPropertyName("berkas")] public required string File { get; init; }
    [JsonPropertyName("dibaca")] public int Read { get; init; }
    [JsonPropertyName("ditambahkan")] public int Inserted { get; init; }
    [JsonPropertyName("diperbarui")] public int Updated { get; init; }
    [JsonPropertyName("tidakBerubah")] public int Unchanged { get; init; }
    [JsonPropertyName("diperbaiki")] public IReadOnlyList<RepairedFeature> Repaired { get; init; } = [];
    [JsonPropertyName("ditolak")] public IReadOnlyList<RejectedFeature> Rejected { get; init; } = [];
    [JsonPropertyName("tingkatTurunan")] public IReadOnlyList<DerivedLevel> Derived { get; init; } = [];
    /// <summary>Children whose parent was neither in the file nor already imported (their parent was derived).</summary>
    [JsonPropertyName("indukTidakAda")] public IReadOnlyList<string> MissingParents { get; init; } = [];
    [JsonPropertyName("berhasil")] public bool Succeeded => Rejected.Count == 0;
}
