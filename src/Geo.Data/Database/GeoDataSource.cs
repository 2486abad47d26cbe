using Npgsql;

namespace Geo.Data.Database;

public static class GeoDataSource
{
    /// <summary>
    /// One data source per process, with NetTopologySuite mapping on, shared by EF Core and by the
    /// raw Npgsql paths (binary COPY imports, ST_AsMVT tiles) that EF cannot express efficiently.
    /// </summary>
    public static NpgsqlDataSource Create(string urlOrConnectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(DatabaseUrl.ToConnectionString(urlOrConnectionString));
        builder.UseNetTopologySuite();
        builder.ConnectionStringBuilder.ApplicationName ??= "geo";
        return builder.Build();
    }
}
