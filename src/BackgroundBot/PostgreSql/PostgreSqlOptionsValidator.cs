using BackgroundBot.Knowledge;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackgroundBot.PostgreSql;

/// <summary>
/// The PostgreSql provider needs a connection string that names a server; a missing or mistyped one stops start-up
/// with one line naming the setting. The message never repeats the string, which holds the password.
/// </summary>
internal sealed class PostgreSqlOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StoreProvider.PostgreSql)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Store:ConnectionString is required with Store:Provider PostgreSql (e.g. Host=db;Database=backgroundbot;Username=bot;Password=…; environment variable Store__ConnectionString).");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql names the keyword it could not read, never the values.
            return ValidateOptionsResult.Fail($"Store:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? ValidateOptionsResult.Fail("Store:ConnectionString names no server (Host=…).")
            : ValidateOptionsResult.Success;
    }
}
