using Geo.Data.Database;
using Npgsql;

namespace Geo.Data.Tests.Database;

public sealed class DatabaseUrlFallbackTests
{
    [Theory]
    [InlineData("postgresql://geo:rahasia@pg2:5433/geo", "postgresql://geo@pg1/geo", "pg2:5433,pg1:5432")]
    // A primary named by both servers (multi-host, for failover): the standby is not listed twice.
    [InlineData("Host=pg2;Username=geo;Database=geo", "Host=pg1,pg2;Username=geo;Database=geo;Target Session Attributes=primary", "pg2:5432,pg1:5432")]
    [InlineData("Host=10.0.0.2:6432;Username=geo;Database=geo", "Host=10.0.0.1;Port=5434;Username=geo;Database=geo", "10.0.0.2:6432,10.0.0.1:5434")]
    public void The_standby_comes_first_then_the_primary_with_prefer_standby_and_the_standby_credentials(string standby, string primary, string hosts)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseUrl.WithFallback(standby, primary));
        Assert.Equal(hosts, built.Host);
        Assert.Equal("prefer-standby", built.TargetSessionAttributes);
        Assert.Equal(new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(standby)).Password, built.Password);
    }

    [Fact]
    public void A_standby_string_that_names_its_own_session_attributes_is_kept()
    {
        const string standby = "Host=pg2,pg3;Username=geo;Database=geo;Target Session Attributes=standby";
        Assert.Equal(new NpgsqlConnectionStringBuilder(standby).ConnectionString, DatabaseUrl.WithFallback(standby, "Host=pg1;Username=geo;Database=geo"));
    }
}
