namespace Botshop.Server.Admin;

/// <summary>The recruiter workspace's two roles and the policies that gate its pages.</summary>
public static class AdminPolicies
{
    public const string RecruiterRole = "recruiter";
    public const string AdminRole = "admin";

    /// <summary>Any signed-in recruiter or admin: every page under /admin.</summary>
    public const string Recruiter = "Recruiter";

    /// <summary>Admins only: users and settings.</summary>
    public const string Admin = "Admin";
}
