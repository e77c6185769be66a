package models

import (
	"bytes"
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// exportConn runs statements on a reader's connection through its driver
// directly: an export reads every column of every claim, and database/sql's
// locks and conversions per row and column came to a tenth of an export's
// time. Values arrive as the driver hands them over (see rawText and rawOwn
// for what may be kept).
type exportConn struct {
	conn  driver.Conn
	check driver.NamedValueChecker
}

func newExportConn(dc any) (*exportConn, error) {
	conn, ok := dc.(driver.Conn)
	if !ok {
		return nil, errors.New("export: not a database/sql driver connection")
	}
	if _, ok := conn.(driver.ConnPrepareContext); !ok {
		return nil, errors.New("export: the database driver cannot prepare with a context")
	}
	c := &exportConn{conn: conn}
	c.check, _ = conn.(driver.NamedValueChecker)
	return c, nil
}

// args converts arguments as database/sql would.
func (c *exportConn) args(args []any) ([]driver.NamedValue, error) {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv := driver.NamedValue{Ordinal: i + 1, Value: a}
		err := driver.ErrSkip
		if c.check != nil {
			err = c.check.CheckNamedValue(&nv)
		}
		if err == driver.ErrSkip {
			nv.Value, err = driver.DefaultParameterConverter.ConvertValue(a)
		}
		if err != nil {
			return nil, fmt.Errorf("export: argument %d: %w", i+1, err)
		}
		out[i] = nv
	}
	return out, nil
}

func (c *exportConn) prepare(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if _, ok := st.(driver.StmtQueryContext); !ok {
		st.Close()
		return nil, errors.New("export: the database driver cannot query with a context")
	}
	return st, nil
}

// run prepares query and runs it once with args; done closes the rows and
// the statement.
func (c *exportConn) run(ctx context.Context, query string, args []any) (rows driver.Rows, done func(), err error) {
	st, err := c.prepare(ctx, query)
	if err != nil {
		return nil, nil, err
	}
	nargs, err := c.args(args)
	if err == nil {
		rows, err = queryStmt(ctx, st, nargs)
	}
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return rows, func() { rows.Close(); st.Close() }, nil
}

// each runs query once with args and calls fn for every row; the values
// are the driver's and valid until fn returns.
func (c *exportConn) each(ctx context.Context, query string, args []any, fn func([]driver.Value)) error {
	rows, done, err := c.run(ctx, query, args)
	if err != nil {
		return err
	}
	defer done()
	vals := make([]driver.Value, len(rows.Columns()))
	for {
		if err := rows.Next(vals); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		fn(vals)
	}
}

// queryStmt runs a statement prepared by exportConn.prepare.
func queryStmt(ctx context.Context, st driver.Stmt, args []driver.NamedValue) (driver.Rows, error) {
	return st.(driver.StmtQueryContext).QueryContext(ctx, args)
}

// exportBatchRows is how many claims a reader reads before it hands them
// rawInt reads an integer column (NULL: 0).
func rawInt(v any) int64 {
	n, _ := v.(int64)
	return n
}

// rawText reads a text column as database/sql would scan it into a string
// (NULL: ""). Bytes are copied: a driver may reuse them for the next row.
func rawText(v driver.Value) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(s, 10)
	case float64:
		return strconv.FormatFloat(s, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(s)
	case time.Time:
		return s.Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}

// rawOwn is a value to keep past the next row: bytes copied, as rawText.
func rawOwn(v driver.Value) any {
	if b, ok := v.([]byte); ok {
		return bytes.Clone(b)
	}
	return v
}

// exportCorroboration is Corroboration over the export's evidence: the
