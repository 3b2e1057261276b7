using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class StoryTeamKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "StoryTeam",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The links already recorded get their team's kind.
            migrationBuilder.Sql(CareStories.Domain.Data.StoryTeamKinds.Fill);

            migrationBuilder.CreateIndex(
                name: "IX_StoryTeam_StoryId_Kind",
                table: "StoryTeam",
                columns: new[] { "StoryId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StoryTeam_StoryId_Kind",
                table: "StoryTeam");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "StoryTeam");
        }
    }
}
