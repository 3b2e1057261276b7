using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class PermissionToCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CharterVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    WrittenById = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CharterVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CharterVersions_AspNetUsers_WrittenById",
                        column: x => x.WrittenById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmpowermentLimits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CompanyLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RuleBentValueId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmpowermentLimits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmpowermentLimits_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EmpowermentLimits_Values_RuleBentValueId",
                        column: x => x.RuleBentValueId,
                        principalTable: "Values",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MustFollowProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false, collation: "NOCASE"),
                    Why = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MustFollowProcedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TeamLimits",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmpowermentLimitsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamLimits", x => new { x.EmpowermentLimitsId, x.TeamId });
                    table.ForeignKey(
                        name: "FK_TeamLimits_EmpowermentLimits_EmpowermentLimitsId",
                        column: x => x.EmpowermentLimitsId,
                        principalTable: "EmpowermentLimits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamLimits_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BentRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false, collation: "NOCASE"),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: true),
                    NamedById = table.Column<string>(type: "TEXT", nullable: false),
                    NamedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BentRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BentRules_AspNetUsers_NamedById",
                        column: x => x.NamedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BentRules_MustFollowProcedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "MustFollowProcedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RuleDecision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BentRuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleDecision_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RuleDecision_BentRules_BentRuleId",
                        column: x => x.BentRuleId,
                        principalTable: "BentRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoryLatitudes",
                columns: table => new
                {
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    LimitAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    LimitCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    LimitTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    OverLimitReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BentRuleId = table.Column<int>(type: "INTEGER", nullable: true),
                    BentRuleWhy = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryLatitudes", x => x.StoryId);
                    table.ForeignKey(
                        name: "FK_StoryLatitudes_BentRules_BentRuleId",
                        column: x => x.BentRuleId,
                        principalTable: "BentRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StoryLatitudes_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StoryLatitudes_Teams_LimitTeamId",
                        column: x => x.LimitTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_OccurredOn",
                table: "Stories",
                columns: new[] { "Status", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_BentRules_Name",
                table: "BentRules",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BentRules_NamedById",
                table: "BentRules",
                column: "NamedById");

            migrationBuilder.CreateIndex(
                name: "IX_BentRules_ProcedureId",
                table: "BentRules",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_CharterVersions_WrittenAt_Id",
                table: "CharterVersions",
                columns: new[] { "WrittenAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CharterVersions_WrittenById",
                table: "CharterVersions",
                column: "WrittenById");

            migrationBuilder.CreateIndex(
                name: "IX_EmpowermentLimits_RuleBentValueId",
                table: "EmpowermentLimits",
                column: "RuleBentValueId");

            migrationBuilder.CreateIndex(
                name: "IX_EmpowermentLimits_UpdatedById",
                table: "EmpowermentLimits",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_MustFollowProcedures_Name",
                table: "MustFollowProcedures",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleDecision_BentRuleId_DecidedAt",
                table: "RuleDecision",
                columns: new[] { "BentRuleId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RuleDecision_DecidedById",
                table: "RuleDecision",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_StoryLatitudes_BentRuleId",
                table: "StoryLatitudes",
                column: "BentRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryLatitudes_LimitTeamId",
                table: "StoryLatitudes",
                column: "LimitTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamLimits_TeamId",
                table: "TeamLimits",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CharterVersions");

            migrationBuilder.DropTable(
                name: "RuleDecision");

            migrationBuilder.DropTable(
                name: "StoryLatitudes");

            migrationBuilder.DropTable(
                name: "TeamLimits");

            migrationBuilder.DropTable(
                name: "BentRules");

            migrationBuilder.DropTable(
                name: "EmpowermentLimits");

            migrationBuilder.DropTable(
                name: "MustFollowProcedures");

            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_OccurredOn",
                table: "Stories");
        }
    }
}
