using System.Security.Cryptography;
using Botshop.Core.Accounts;
using Dapper;

namespace Botshop.Storage.Users;

/// <summary>The workspace's accounts in the users table. Hashing and rules live with the caller; this only stores.</summary>
public sealed class UserStore(BotshopDatabase db)
{
    private const string Columns = """
        SELECT id, user_name AS UserName, display_name AS DisplayName, role, disabled, failed_attempts AS FailedAttempts,
               lockout_until AS LockoutUntil, security_stamp AS SecurityStamp, created_at AS CreatedAt, password_hash AS PasswordHash
        FROM users
        """;

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Columns} WHERE user_name = @UserName", new { UserName = Normalize(userName) }, cancellationToken: ct));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"{Columns} ORDER BY user_name", cancellationToken: ct));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    /// <summary>Adds an account; false when the name is taken (or, with <paramref name="onlyIfNone"/>, when any account exists).</summary>
    public async Task<bool> CreateAsync(NewUserAccount user, DateTimeOffset at, bool onlyIfNone, CancellationToken ct)
    {
        // "Only if none" is one statement, so two replicas bootstrapping at once cannot both add a first admin;
        // the unique name settles a race between two adds of the same name.
        var sql = onlyIfNone
            ? """
              INSERT INTO users (user_name, display_name, password_hash, role, security_stamp, created_at)
              SELECT @UserName, @DisplayName, @PasswordHash, @Role, @Stamp, @At WHERE NOT EXISTS (SELECT 1 FROM users)
              ON CONFLICT (user_name) DO NOTHING
              RETURNING id
              """
            : """
              INSERT INTO users (user_name, display_name, password_hash, role, security_stamp, created_at)
              VALUES (@UserName, @DisplayName, @PasswordHash, @Role, @Stamp, @At)
              ON CONFLICT (user_name) DO NOTHING
              RETURNING id
              """;
        await using var tx = await db.BeginWriteAsync(ct);
        var id = await tx.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new
        {
            UserName = Normalize(user.UserName),
            user.DisplayName,
            user.PasswordHash,
            user.Role,
            Stamp = NewStamp(),
            At = StorageJson.ToUnixMs(at),
        }, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return id is not null;
    }

    /// <summary>A new password: ends every session (new stamp) and clears failures and any lockout.</summary>
    public async Task<bool> SetPasswordHashAsync(string userName, string passwordHash, CancellationToken ct) =>
        await ExecuteAsync("""
            UPDATE users SET password_hash = @PasswordHash, security_stamp = @Stamp, failed_attempts = 0, lockout_until = NULL
            WHERE user_name = @UserName
            """, new { UserName = Normalize(userName), PasswordHash = passwordHash, Stamp = NewStamp() }, ct) > 0;

    /// <summary>The same password hashed with newer parameters: sessions stay valid.</summary>
    public Task RehashPasswordAsync(long id, string passwordHash, CancellationToken ct) =>
        ExecuteAsync("UPDATE users SET password_hash = @PasswordHash WHERE id = @Id", new { Id = id, PasswordHash = passwordHash }, ct);

    /// <summary>Changes a role (ending the user's sessions); an enabled admin cannot be demoted when no other is left.</summary>
    public async Task<UserUpdate> SetRoleAsync(string userName, string role, CancellationToken ct)
    {
        if (!UserRoles.IsValid(role)) throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        return await GuardedUpdateAsync(userName, role == UserRoles.Admin,
            "UPDATE users SET role = @Role, security_stamp = @Stamp WHERE user_name = @UserName", new { Role = role }, ct);
    }

    /// <summary>Disables (ending the user's sessions) or enables an account; the last enabled admin cannot be disabled.</summary>
    public Task<UserUpdate> SetDisabledAsync(string userName, bool disabled, CancellationToken ct) =>
        GuardedUpdateAsync(userName, !disabled,
            "UPDATE users SET disabled = @Disabled, security_stamp = @Stamp WHERE user_name = @UserName", new { Disabled = disabled }, ct);

    /// <summary>
    /// Counts a failed sign-in. The failure that reaches <paramref name="maxAttempts"/> in a row locks the account until
    /// <paramref name="lockUntil"/> and starts the count again. A locked account is not counted further, so guessing
    /// during a lockout does not extend it. Returns the lockout end when this failure set it.
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailedSignInAsync(long id, int maxAttempts, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        // One statement reads and writes the count, so concurrent failures cannot both read the same old count.
        var until = await tx.Connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            UPDATE users SET
                failed_attempts = CASE WHEN failed_attempts + 1 >= @Max THEN 0 ELSE failed_attempts + 1 END,
                lockout_until = CASE WHEN failed_attempts + 1 >= @Max THEN @Until ELSE NULL END
            WHERE id = @Id AND (lockout_until IS NULL OR lockout_until <= @Now)
            RETURNING lockout_until
            """,
            new { Id = id, Max = maxAttempts, Now = StorageJson.ToUnixMs(now), Until = StorageJson.ToUnixMs(lockUntil) },
            tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return until is null ? null : StorageJson.FromUnixMs(until.Value);
    }

    /// <summary>A successful sign-in ends the run of failures.</summary>
    public Task RecordSignInAsync(long id, CancellationToken ct) =>
        ExecuteAsync("UPDATE users SET failed_attempts = 0, lockout_until = NULL WHERE id = @Id", new { Id = id }, ct);

    /// <summary>Lifts a lockout at once (an admin's decision, or a test's).</summary>
    public async Task<bool> UnlockAsync(string userName, CancellationToken ct) =>
        await ExecuteAsync("UPDATE users SET failed_attempts = 0, lockout_until = NULL WHERE user_name = @UserName",
            new { UserName = Normalize(userName) }, ct) > 0;

    /// <summary>User names are case-insensitive: stored and looked up lower-case.</summary>
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    private async Task<UserUpdate> GuardedUpdateAsync(string userName, bool staysAdmin, string update, object values, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var name = Normalize(userName);
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(new { UserName = name, Stamp = NewStamp() });
        // The guard and the change run in one write transaction: on SQLite no other write can come between them. On
        // PostgreSQL (read committed) two admins demoting each other in the same instant could both pass; the CLI's
        // `users add --role admin` is the way back from that.
        if (!staysAdmin && await IsLastEnabledAdminAsync(tx, name, ct))
            return UserUpdate.LastAdmin;
        var changed = await tx.Connection.ExecuteAsync(new CommandDefinition(update, parameters, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return changed == 0 ? UserUpdate.NotFound : UserUpdate.Updated;
    }

    private static Task<bool> IsLastEnabledAdminAsync(StoreTransaction tx, string userName, CancellationToken ct) =>
        tx.Connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM users WHERE user_name = @UserName AND role = 'admin' AND NOT disabled)
                         AND NOT EXISTS (SELECT 1 FROM users WHERE user_name <> @UserName AND role = 'admin' AND NOT disabled)
                   THEN 1 ELSE 0 END
            """, new { UserName = userName }, tx.Transaction, cancellationToken: ct));

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var changed = await tx.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx.Transaction, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return changed;
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private sealed class Row
    {
        public long Id { get; init; }
        public string UserName { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public bool Disabled { get; init; }
        public int FailedAttempts { get; init; }
        public long? LockoutUntil { get; init; }
        public string SecurityStamp { get; init; } = "";
        public long CreatedAt { get; init; }
        public string PasswordHash { get; init; } = "";

        public UserAccount ToAccount() => new(Id, UserName, DisplayName, Role, Disabled, FailedAttempts,
            LockoutUntil is null ? null : StorageJson.FromUnixMs(LockoutUntil.Value), SecurityStamp, StorageJson.FromUnixMs(CreatedAt), PasswordHash);
    }
}

/// <summary>What the caller hashed and chose for a new account.</summary>
public sealed record NewUserAccount(string UserName, string DisplayName, string Role, string PasswordHash);

public enum UserUpdate { Updated, NotFound, LastAdmin }
