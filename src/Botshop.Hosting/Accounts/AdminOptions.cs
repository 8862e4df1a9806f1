namespace Botshop.Hosting.Accounts;

/// <summary>The recruiter workspace's sign-in settings (section "Admin").</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>With <see cref="BootstrapPassword"/>: the admin created at start while no account exists.</summary>
    public string? BootstrapUser { get; set; }

    public string? BootstrapPassword { get; set; }

    /// <summary>An answer below this confidence counts as "low confidence" on the overview and in the filters' hint.</summary>
    public double LowConfidence { get; set; } = 0.5;

    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(LockoutMinutes);
}
