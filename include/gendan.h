/*
 * gendan.h - the umbrella header of libgendan.
 */
#ifndef GENDAN_H
#define GENDAN_H

#include "gendan/change.h"
#include "gendan/config.h"
#include "gendan/csv.h"
#include "gendan/dates.h"
#include "gendan/due.h"
#include "gendan/edit.h"
#include "gendan/error.h"
#include "gendan/guard.h"
#include "gendan/ids.h"
#include "gendan/ledger.h"
#include "gendan/merge.h"
#include "gendan/money.h"
#include "gendan/node.h"
#include "gendan/output.h"
#include "gendan/people.h"
#include "gendan/record.h"
#include "gendan/refs.h"
#include "gendan/roster.h"
#include "gendan/stats.h"
#include "gendan/store.h"
#include "gendan/team.h"
#include "gendan/timeline.h"
#include "gendan/vcard.h"
#include "gendan/xlsx.h"
#include "gendan/yaml.h"

#endif
