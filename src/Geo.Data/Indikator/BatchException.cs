namespace Geo.Data.Indikator;

public sealed class BatchException(string message) : Exception(message);
