global using Botshop.Cli.Tests.Infrastructure;
global using Xunit;
