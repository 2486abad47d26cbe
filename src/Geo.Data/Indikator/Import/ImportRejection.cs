namespace Geo.Data.Indikator.Import;

/// <summary>Why a row (or a column, or the whole file) was refused: file, row as numbered in the file, column, reason.</summary>
public sealed record ImportRejection(string Berkas, int Baris, string? Kolom, string Alasan);
