namespace Botshop.Core.Accounts;

/// <summary>The workspace's two roles: admins also manage users and see the settings.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Recruiter = "recruiter";

    public static readonly IReadOnlyList<string> All = [Admin, Recruiter];

    public static bool IsValid(string? role) => role is Admin or Recruiter;
}
