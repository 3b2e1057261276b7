using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class Fixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FixId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Fixes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedById = table.Column<string>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WhatChanged = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fixes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Fixes_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Fixes_AspNetUsers_RaisedById",
                        column: x => x.RaisedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Fixes_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoryRepeats",
                columns: table => new
                {
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatOfStoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkedById = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryRepeats", x => x.StoryId);
                    table.ForeignKey(
                        name: "FK_StoryRepeats_AspNetUsers_MarkedById",
                        column: x => x.MarkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StoryRepeats_Stories_RepeatOfStoryId",
                        column: x => x.RepeatOfStoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StoryRepeats_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FixCelebrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FixId = table.Column<int>(type: "INTEGER", nullable: false),
                    CelebratorId = table.Column<string>(type: "TEXT", nullable: false),
                    BadgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FixCelebrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FixCelebrations_AspNetUsers_CelebratorId",
                        column: x => x.CelebratorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FixCelebrations_Badges_BadgeId",
                        column: x => x.BadgeId,
                        principalTable: "Badges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FixCelebrations_Fixes_FixId",
                        column: x => x.FixId,
                        principalTable: "Fixes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FixCredits",
                columns: table => new
                {
                    FixId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FixCredits", x => new { x.FixId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_FixCredits_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FixCredits_Fixes_FixId",
                        column: x => x.FixId,
                        principalTable: "Fixes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FixHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FixId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FixHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FixHistory_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FixHistory_Fixes_FixId",
                        column: x => x.FixId,
                        principalTable: "Fixes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FixStories",
                columns: table => new
                {
                    FixId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FixStories", x => new { x.FixId, x.StoryId });
                    table.ForeignKey(
                        name: "FK_FixStories_Fixes_FixId",
                        column: x => x.FixId,
                        principalTable: "Fixes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FixStories_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_FixId",
                table: "Notifications",
                column: "FixId");

            migrationBuilder.CreateIndex(
                name: "IX_FixCelebrations_BadgeId",
                table: "FixCelebrations",
                column: "BadgeId");

            migrationBuilder.CreateIndex(
                name: "IX_FixCelebrations_CelebratorId",
                table: "FixCelebrations",
                column: "CelebratorId");

            migrationBuilder.CreateIndex(
                name: "IX_FixCelebrations_FixId_CelebratorId",
                table: "FixCelebrations",
                columns: new[] { "FixId", "CelebratorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FixCredits_PersonId",
                table: "FixCredits",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Fixes_OwnerId_RaisedAt",
                table: "Fixes",
                columns: new[] { "OwnerId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Fixes_RaisedAt_Id",
                table: "Fixes",
                columns: new[] { "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Fixes_RaisedById_RaisedAt",
                table: "Fixes",
                columns: new[] { "RaisedById", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Fixes_Status_DoneAt_Id",
                table: "Fixes",
                columns: new[] { "Status", "DoneAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Fixes_Status_TargetDate",
                table: "Fixes",
                columns: new[] { "Status", "TargetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Fixes_TeamId_Status_RaisedAt",
                table: "Fixes",
                columns: new[] { "TeamId", "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FixHistory_ActorId",
                table: "FixHistory",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_FixHistory_FixId_At",
                table: "FixHistory",
                columns: new[] { "FixId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FixStories_StoryId",
                table: "FixStories",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryRepeats_MarkedById",
                table: "StoryRepeats",
                column: "MarkedById");

            migrationBuilder.CreateIndex(
                name: "IX_StoryRepeats_RepeatOfStoryId",
                table: "StoryRepeats",
                column: "RepeatOfStoryId");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Fixes_FixId",
                table: "Notifications",
                column: "FixId",
                principalTable: "Fixes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Fixes_FixId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "FixCelebrations");

            migrationBuilder.DropTable(
                name: "FixCredits");

            migrationBuilder.DropTable(
                name: "FixHistory");

            migrationBuilder.DropTable(
                name: "FixStories");

            migrationBuilder.DropTable(
                name: "StoryRepeats");

            migrationBuilder.DropTable(
                name: "Fixes");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_FixId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "FixId",
                table: "Notifications");
        }
    }
}
