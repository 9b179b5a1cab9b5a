-- An empty match-rule list now means "any", like an absent rule (docs/database.md, "Match rules"); before, it
-- matched nothing. The validator drops empty lists on write; this drops those already stored, so what the API
-- shows is what the matcher applies. A policy that held one matched no traffic before and matches more now.
UPDATE `sdwan_policies` SET `match_rules` = json_remove(`match_rules`, '$.source_cidrs'), `revision` = `revision` + 1
WHERE json_valid(`match_rules`) AND json_array_length(`match_rules`, '$.source_cidrs') = 0;
--> statement-breakpoint
UPDATE `sdwan_policies` SET `match_rules` = json_remove(`match_rules`, '$.destination_cidrs'), `revision` = `revision` + 1
WHERE json_valid(`match_rules`) AND json_array_length(`match_rules`, '$.destination_cidrs') = 0;
--> statement-breakpoint
UPDATE `sdwan_policies` SET `match_rules` = json_remove(`match_rules`, '$.source_ports'), `revision` = `revision` + 1
WHERE json_valid(`match_rules`) AND json_array_length(`match_rules`, '$.source_ports') = 0;
--> statement-breakpoint
UPDATE `sdwan_policies` SET `match_rules` = json_remove(`match_rules`, '$.destination_ports'), `revision` = `revision` + 1
WHERE json_valid(`match_rules`) AND json_array_length(`match_rules`, '$.destination_ports') = 0;
--> statement-breakpoint
UPDATE `sdwan_policies` SET `match_rules` = json_remove(`match_rules`, '$.protocols'), `revision` = `revision` + 1
WHERE json_valid(`match_rules`) AND json_array_length(`match_rules`, '$.protocols') = 0;
--> statement-breakpoint
UPDATE `sdwan_policies` SET `match_rules` = json_remove(`match_rules`, '$.dscp'), `revision` = `revision` + 1
WHERE json_valid(`match_rules`) AND json_array_length(`match_rules`, '$.dscp') = 0;
