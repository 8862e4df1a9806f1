global using Botshop.Hosting.Tests.Infrastructure;
global using Xunit;
