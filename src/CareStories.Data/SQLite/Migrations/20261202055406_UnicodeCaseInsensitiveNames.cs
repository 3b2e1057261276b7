using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class UnicodeCaseInsensitiveNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            StorySearchIndex.DropTriggers(migrationBuilder);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Values",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                collation: "case_insensitive",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Teams",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                collation: "case_insensitive",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 80);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "MustFollowProcedures",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                collation: "case_insensitive",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 120,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "BentRules",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                collation: "case_insensitive",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 120,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Badges",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                collation: "case_insensitive",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);

            StorySearchIndex.CreateTriggers(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            StorySearchIndex.DropTriggers(migrationBuilder);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Values",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 60,
                oldCollation: "case_insensitive");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Teams",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 80,
                oldCollation: "case_insensitive");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "MustFollowProcedures",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 120,
                oldCollation: "case_insensitive");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "BentRules",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 120,
                oldCollation: "case_insensitive");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Badges",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40,
                oldCollation: "case_insensitive");

            StorySearchIndex.CreateTriggers(migrationBuilder);
        }
    }
}
